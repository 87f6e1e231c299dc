package workshop.loop.http;

/**
 * The character rules of HTTP's grammar that the parsers share (RFC 9110 §5.6, RFC 3986 §3.2.2),
 * and a safe way to quote untrusted text in an error message.
 */
final class HttpSyntax {
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";
    private static final String SUB_DELIMS = "!$&'()*+,;=";

    private HttpSyntax() {
    }

    /** A token (RFC 9110 §5.6.2): method names, field names and transfer codings are tokens. */
    static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAlphaOrDigit(c) && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Visible ASCII only, no spaces: what a request target may hold. */
    static boolean isVisible(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * A Host field value: {@code uri-host [ ":" port ]} (RFC 9110 §7.2), where the host is a name
     * or IPv4 address of unreserved, sub-delims and %XX characters, or an IP literal in brackets
     * (RFC 3986 §3.2.2). Empty is allowed: it means the target has no authority.
     */
    static boolean isHost(String value) {
        int hostEnd;
        if (value.startsWith("[")) {
            hostEnd = value.indexOf(']') + 1;
            if (hostEnd == 0 || !allMatch(value, 1, hostEnd - 1, HttpSyntax::isIpLiteralChar)) {
                return false;
            }
        } else {
            hostEnd = value.indexOf(':') < 0 ? value.length() : value.indexOf(':');
            if (!isRegName(value, hostEnd)) {
                return false;
            }
        }
        if (hostEnd == value.length()) {
            return true;
        }
        return value.charAt(hostEnd) == ':' && allMatch(value, hostEnd + 1, value.length(), HttpSyntax::isDigit);
    }

    private static boolean isRegName(String value, int end) {
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= end || !isHexDigit(value.charAt(i + 1)) || !isHexDigit(value.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (!isUnreserved(c) && SUB_DELIMS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpLiteralChar(char c) {
        return isUnreserved(c) || SUB_DELIMS.indexOf(c) >= 0 || c == ':';
    }

    private static boolean isUnreserved(char c) {
        return isAlphaOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean allMatch(String text, int from, int to, CharRule rule) {
        for (int i = from; i < to; i++) {
            if (!rule.test(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private interface CharRule {
        boolean test(char c);
    }

    static boolean isAlphaOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Shows untrusted text in an error message: short, and with control characters escaped. */
    static String visible(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        StringBuilder out = new StringBuilder(shown.length() + 2).append('\'');
        for (char c : shown.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.append('\'').toString();
    }
}
