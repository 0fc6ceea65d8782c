package hub.ameen.platform.security;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loop that reads a bearer token takes exactly the headers Spring Security's
 * expression takes ({@code ServerBearerTokenAuthenticationConverter}'s, quoted here), and
 * gives the same token, for hand-picked headers and many generated ones.
 */
class BearerTokenTextTests {

	private static final Pattern SPRING_SECURITY = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$",
			Pattern.CASE_INSENSITIVE);

	@Test
	void handPickedHeadersAreReadAsSpringSecurityReadsThem() {
		String[] headers = { "Bearer abc", "bearer abc", "BEARER abc.def-ghi_jkl~mno+pqr/stu==", "Bearer ", "Bearer",
				"Bearer  abc", "Bearer abc ", "Bearer abc\n", "Bearer a=b", "Bearer ==", "Bearer a==", "Bearer\tabc",
				"Bearerabc", "Basic abc", "", "Bearer abc,def", "Bearer é", "Bearer \u212Aelvin", "Bearer ſ",
				"Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl" };
		for (String header : headers) {
			sameAnswer(header);
		}
		assertThat(PublicPathsBearerTokenConverter.token("bEaReR x.y=")).isEqualTo("x.y=");
		assertThat(PublicPathsBearerTokenConverter.token("Bearer x y")).isNull();
	}

	@Test
	void generatedHeadersAreReadAsSpringSecurityReadsThem() {
		SplittableRandom random = new SplittableRandom(6750);
		String[] starts = { "Bearer ", "bearer ", "BeArEr ", "Bearer", "Bearer  ", "Bearer\t", "" };
		char[] pool = { 'a', 'Z', '0', '9', '-', '.', '_', '~', '+', '/', '=', ' ', '\n', '\r', '\t', ',', ';', '"',
				'é', '\u0000', '\u212A', '\u017F', '\uD83D' };
		for (int i = 0; i < 200_000; i++) {
			StringBuilder header = new StringBuilder(starts[random.nextInt(starts.length)]);
			int length = random.nextInt(8);
			for (int k = 0; k < length; k++) {
				header.append(
						random.nextBoolean() ? pool[random.nextInt(pool.length)] : (char) random.nextInt(0x20, 0x7f));
			}
			sameAnswer(header.toString());
		}
	}

	private static void sameAnswer(String header) {
		Matcher matcher = SPRING_SECURITY.matcher(header);
		String expected = matcher.matches() ? matcher.group("token") : null;
		assertThat(PublicPathsBearerTokenConverter.token(header))
			.as("%s", header.chars().mapToObj(Integer::toHexString).toList())
			.isEqualTo(expected);
	}

}
