package hub.ameen.platform.security;

import java.util.SplittableRandom;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loops answer exactly as the strict firewall's own expressions, for every code point
 * alone, every lone surrogate, and many generated mixes of both.
 */
class FirewallTextTests {

	@Test
	void everyCodePointAloneIsJudgedAsTheFirewallsExpressionsJudgeIt() {
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String text = Character.toString(codePoint);
			sameAnswer(text);
		}
	}

	@Test
	void mixedTextIsJudgedAsTheFirewallsExpressionsJudgeIt() {
		SplittableRandom random = new SplittableRandom(12);
		int[] pool = { 'a', ' ', '\t', '\n', 0, 0x7f, 0x85, 0xa0, 0xe9, 0x378, 0x2028, 0xd800, 0xdc00, 0xfffe, 0x1f600,
				0xe0080, 0x10ffff };
		for (int i = 0; i < 100_000; i++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(6);
			for (int k = 0; k < length; k++) {
				text.appendCodePoint(
						random.nextBoolean() ? pool[random.nextInt(pool.length)] : random.nextInt(0x20, 0x7f));
			}
			sameAnswer(text.toString());
		}
		sameAnswer("");
		sameAnswer(null);
		sameAnswer("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
	}

	private static void sameAnswer(String text) {
		same(FirewallText.ASSIGNED_AND_NOT_CONTROL, StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES, text);
		same(FirewallText.ASSIGNED_AND_NOT_CONTROL, StrictServerWebExchangeFirewall.ALLOWED_PARAMETER_NAMES, text);
		same(FirewallText.HEADER_VALUE, StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES, text);
	}

	private static void same(Predicate<String> loop, Predicate<String> expression, String text) {
		assertThat(loop.test(text))
			.as("%s", (text != null) ? text.codePoints().mapToObj(Integer::toHexString).toList() : null)
			.isEqualTo(expression.test(text));
	}

}
