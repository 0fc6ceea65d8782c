package hub.ameen.crm.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * An amount as a client sends it: a non-negative decimal string and a currency that
 * {@link Currency} knows, with no more decimals than the currency has.
 */
public record MoneyRequest(
		@NotNull @Pattern(regexp = "\\d{1,15}(\\.\\d{1,4})?",
				message = "must be a decimal string such as 1200.50") String value,
		@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as SAR") String currency) {

	@AssertTrue(message = "must be an ISO 4217 currency code")
	boolean isCurrencyKnown() {
		return this.currency == null || !this.currency.matches("[A-Z]{3}") || known(this.currency) != null;
	}

	@AssertTrue(message = "has more decimals than the currency allows")
	boolean isScaleAllowed() {
		Currency known = (this.currency != null && this.currency.matches("[A-Z]{3}")) ? known(this.currency) : null;
		if (known == null || this.value == null || !this.value.matches("\\d{1,15}(\\.\\d{1,4})?")) {
			return true;
		}
		return new BigDecimal(this.value).stripTrailingZeros().scale() <= Math.max(known.getDefaultFractionDigits(), 0);
	}

	/**
	 * The money, scaled to the currency's minor unit ({@code "1200.5"} SAR is
	 * {@code "1200.50"}).
	 */
	public Money toMoney() {
		int digits = Math.max(known(this.currency).getDefaultFractionDigits(), 0);
		return new Money(new BigDecimal(this.value).setScale(digits, RoundingMode.UNNECESSARY).toPlainString(),
				this.currency);
	}

	private static Currency known(String code) {
		try {
			return Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
