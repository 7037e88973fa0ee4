package io.jiasu.prize;

import io.jiasu.platform.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** PUT /players/me/claim: where the prize should go. Lengths count code points (an emoji is one). */
public record ClaimRequest(
        @NotNull(message = "is required") @PlainText(min = 1, max = 20)
        String name,

        @NotNull(message = MAINLAND_MOBILE) @Pattern(regexp = "\\s*1[3-9][0-9]{9}\\s*", message = MAINLAND_MOBILE)
        String phone,

        @NotNull(message = "is required") @PlainText(min = 5, max = 120)
        String address) {
    private static final String MAINLAND_MOBILE = "must be an 11-digit mainland mobile number starting with 13 to 19";

    PersonalData data() {
        return new PersonalData(name.strip(), phone.strip(), address.strip());
    }

    @Override
    public String toString() {
        return "ClaimRequest[redacted]";
    }
}
