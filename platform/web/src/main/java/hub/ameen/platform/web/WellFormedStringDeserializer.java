package hub.ameen.platform.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Refuses a JSON string that is not well-formed Unicode: a lone surrogate, which JSON's
 * {@code \uD800} escape can carry, has no UTF-8 form, so it could be neither stored,
 * hashed as a password nor written back. The request fails as a malformed body (400)
 * before it reaches a service's code.
 */
final class WellFormedStringDeserializer extends StringDeserializer {

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		String value = super.deserialize(parser, context);
		if (value != null && !isWellFormed(value)) {
			return (String) context.handleWeirdStringValue(String.class, value,
					"not well-formed Unicode (a lone surrogate)");
		}
		return value;
	}

	/** True when every surrogate in the text is half of a pair. */
	static boolean isWellFormed(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

}
