package hub.ameen.crm.deal;

import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of an amount, without Spring: a decimal string, a real ISO 4217 currency and
 * no more decimals than it has.
 */
class MoneyRequestTests {

	static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	static final Validator validator = factory.getValidator();

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void anAmountIsScaledToItsCurrencysMinorUnitWithoutRounding() {
		assertThat(new MoneyRequest("1200.5", "SAR").toMoney()).isEqualTo(new Money("1200.50", "SAR"));
		assertThat(new MoneyRequest("0.1", "KWD").toMoney()).isEqualTo(new Money("0.100", "KWD"));
		assertThat(new MoneyRequest("100.00", "JPY").toMoney()).isEqualTo(new Money("100", "JPY"));
	}

	@Test
	void floatsUnknownCurrenciesAndExtraDecimalsAreRefused() {
		assertThat(fields(new MoneyRequest("1.5e3", "SAR"))).containsExactly("value");
		assertThat(fields(new MoneyRequest("-5", "SAR"))).containsExactly("value");
		assertThat(fields(new MoneyRequest("5", "ABC"))).containsExactly("currencyKnown");
		assertThat(fields(new MoneyRequest("5", "sar"))).containsExactly("currency");
		assertThat(fields(new MoneyRequest("5.5", "JPY"))).containsExactly("scaleAllowed");
		assertThat(fields(new MoneyRequest("5.50", "SAR"))).isEmpty();
	}

	private static List<String> fields(MoneyRequest request) {
		return validator.validate(request).stream().map((v) -> v.getPropertyPath().toString()).toList();
	}

}
