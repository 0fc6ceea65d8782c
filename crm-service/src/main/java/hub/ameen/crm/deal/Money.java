package hub.ameen.crm.deal;

import java.math.BigDecimal;

/**
 * An amount of one currency, as a decimal string ({@code "1200.50"}) so that no float
 * ever rounds it; arithmetic goes through {@link BigDecimal}.
 *
 * @param value the amount, scaled to the currency's minor unit
 * @param currency an ISO 4217 code, e.g. {@code SAR}
 */
public record Money(String value, String currency) {

	/** The amount as a number. */
	public BigDecimal decimal() {
		return new BigDecimal(this.value);
	}

}
