package hub.ameen.scheduler.calendar;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A time zone id Java knows, e.g. {@code Asia/Riyadh}, of at most
 * {@value Limits#MAX_ZONE_LENGTH} characters; null (not given) is valid.
 */
@Documented
@Constraint(validatedBy = KnownTimeZone.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@interface KnownTimeZone {

	String message() default "is not a known time zone id, e.g. Asia/Riyadh";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The rule, in words when it is broken. */
	class Check implements ConstraintValidator<KnownTimeZone, String> {

		@Override
		public boolean isValid(String zone, ConstraintValidatorContext context) {
			String problem = problem(zone);
			if (problem != null && !problem.equals(context.getDefaultConstraintMessageTemplate())) {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
			}
			return problem == null;
		}

		/** What is wrong with the zone, or null when nothing is. */
		static String problem(String zone) {
			if (zone == null) {
				return null;
			}
			if (zone.isBlank()) {
				return "must not be blank";
			}
			if (zone.length() > Limits.MAX_ZONE_LENGTH) {
				return "must be at most " + Limits.MAX_ZONE_LENGTH + " characters";
			}
			try {
				ZoneId.of(zone);
				return null;
			}
			catch (DateTimeException ex) {
				return "is not a known time zone id, e.g. Asia/Riyadh";
			}
		}

	}

}
