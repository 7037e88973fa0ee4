package io.jiasu.prize;

/** Where a prize goes: the winner's name, mobile number and address. Encrypted at rest, masked in every answer. */
record PersonalData(String name, String phone, String address) {
    PersonalData masked() {
        return new PersonalData(maskName(name), maskPhone(phone), maskAddress(address));
    }

    // A default toString would print the data into any log line that mentions the record.
    @Override
    public String toString() {
        return "PersonalData[redacted]";
    }

    /** 张三丰 becomes 张**: the family name stays, so the winner recognises their claim. */
    static String maskName(String name) {
        int length = name.codePointCount(0, name.length());
        if (length <= 1) {
            return "*";
        }
        return new StringBuilder()
                .appendCodePoint(name.codePointAt(0))
                .append("*".repeat(length - 1))
                .toString();
    }

    /** 13812345678 becomes 138****5678. */
    static String maskPhone(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** Province and city stay (the first six characters at most, half of a short address), the rest is hidden. */
    static String maskAddress(String address) {
        int length = address.codePointCount(0, address.length());
        int keep = Math.min(6, length / 2);
        return address.substring(0, address.offsetByCodePoints(0, keep)) + "****";
    }
}
