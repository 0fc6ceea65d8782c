package hub.ameen.scheduler.calendar;

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
 * An instant a request may carry, in 1900 up to 2300 ({@link TimeBounds#within}); null is
 * valid.
 */
@Documented
@Constraint(validatedBy = WithinTimeBounds.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@interface WithinTimeBounds {

	String message() default TimeBounds.RANGE;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The check. */
	class Check implements ConstraintValidator<WithinTimeBounds, Instant> {

		@Override
		public boolean isValid(Instant instant, ConstraintValidatorContext context) {
			return instant == null || TimeBounds.within(instant);
		}

	}

}
