package hub.ameen.user.directory;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An IANA time-zone id such as {@code Asia/Riyadh}; null is allowed.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TimeZoneId.Validator.class)
public @interface TimeZoneId {

	String message() default "must be an IANA time zone such as Asia/Riyadh";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Accepts the ids {@link ZoneId} knows. */
	class Validator implements ConstraintValidator<TimeZoneId, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || ZoneId.getAvailableZoneIds().contains(value);
		}

	}

}
