package hub.ameen.tasks.task;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A due time from 1970 up to (not including) 2200, as the calendar bounds its events: a
 * task due in year 9999 is a typo, and would keep a recurring series alive for ever.
 * {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = DueTime.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@interface DueTime {

	/** The first instant not allowed. */
	Instant END = Instant.parse("2200-01-01T00:00:00Z");

	String message() default "must be from 1970 up to 2200";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the instant lies in the range. */
	class Validator implements ConstraintValidator<DueTime, Instant> {

		@Override
		public boolean isValid(Instant value, ConstraintValidatorContext context) {
			return value == null || (!value.isBefore(Instant.EPOCH) && value.isBefore(END));
		}

	}

}
