package io.jiasu.prize;

import io.jiasu.platform.FieldError;
import io.jiasu.platform.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** PUT /players/me/claim: where the prize should go. */
public record ClaimRequest(String name, String phone, String address) {
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    /** Every rule the request breaks: lengths in code points (an emoji is one), no control characters. */
    List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        String nameProblem = Text.problemWith(name, 1, 20);
        if (nameProblem != null) {
            errors.add(new FieldError("name", nameProblem));
        }
        if (phone == null || !MAINLAND_MOBILE.matcher(phone.strip()).matches()) {
            errors.add(new FieldError("phone", "must be an 11-digit mainland mobile number starting with 13 to 19"));
        }
        String addressProblem = Text.problemWith(address, 5, 120);
        if (addressProblem != null) {
            errors.add(new FieldError("address", addressProblem));
        }
        return errors;
    }

    PersonalData data() {
        return new PersonalData(name.strip(), phone.strip(), address.strip());
    }

    @Override
    public String toString() {
        return "ClaimRequest[redacted]";
    }
}
