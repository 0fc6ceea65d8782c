package hub.ameen.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A text no longer than so many bytes in UTF-8, for input that becomes a store key (LMDB
 * keys hold at most 511 bytes): {@code @Size} counts characters, and one character may
 * take four bytes. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = MaxUtf8Bytes.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
		ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface MaxUtf8Bytes {

	/** The most bytes allowed. */
	int value();

	String message() default "must be at most {value} bytes long in UTF-8";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Counts the bytes of the value's UTF-8 form. */
	class Validator implements ConstraintValidator<MaxUtf8Bytes, CharSequence> {

		private int max;

		@Override
		public void initialize(MaxUtf8Bytes constraint) {
			this.max = constraint.value();
		}

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			// a character takes at most 3 bytes (4 for a surrogate pair, 2 chars)
			return value == null || value.length() * 3 <= this.max
					|| value.toString().getBytes(StandardCharsets.UTF_8).length <= this.max;
		}

	}

}
