package org.hetong.understand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a document says about its contract: number, title, parties, dates, amount.
 * Missing values are null; {@code parties} is never null.
 */
public record ContractFields(
        String contractNumber,
        String contractTitle,
        List<Party> parties,
        LocalDate signDate,
        LocalDate effectiveDate,
        LocalDate expiryDate,
        Amount amount) {

    public ContractFields {
        parties = parties == null ? List.of() : List.copyOf(parties);
    }

    public static ContractFields empty() {
        return new ContractFields(null, null, List.of(), null, null, null, null);
    }

    /** A party and its role as the contract names it (甲方, 许可方, 买方, …). */
    public record Party(String role, String name) {
        public Party {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a party needs a name");
            }
        }
    }

    /** An amount as a number in the currency's unit, with the text it was read from. */
    public record Amount(BigDecimal value, String currency, String text) {}
}
