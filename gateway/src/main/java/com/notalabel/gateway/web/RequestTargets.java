package com.notalabel.gateway.web;

/**
 * Which request targets (the URI of a request line) the gateway reads at all: an absolute
 * path with an optional query ({@code origin-form}) or a whole {@code http(s)} URI
 * ({@code absolute-form}), made only of the characters RFC 3986 allows, whose
 * percent-escapes are well formed and decode to UTF-8 without control characters.
 * Anything else could not be parsed by WebFlux (which would answer 400 with no body),
 * would be decoded differently by the services' Tomcat (which answers bad encodings with
 * its own error pages, or a 500), and is never sent by a browser or an HTTP client
 * library.
 */
final class RequestTargets {

	/**
	 * The characters a target may hold as they are: unreserved, sub-delims, ':', '@',
	 * '/', '?'.
	 */
	private static final boolean[] LITERAL = new boolean[128];

	static {
		String allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?";
		for (int i = 0; i < allowed.length(); i++) {
			LITERAL[allowed.charAt(i)] = true;
		}
	}

	private RequestTargets() {
	}

	/**
	 * @param target the request target exactly as received
	 * @return whether the gateway may read it
	 */
	static boolean isAcceptable(String target) {
		int start = pathStart(target);
		if (start < 0) {
			return false;
		}
		int length = target.length();
		int pending = 0;
		int lowest = 0x80;
		int highest = 0xBF;
		for (int i = start; i < length; i++) {
			char c = target.charAt(i);
			if (c != '%') {
				if (pending != 0 || c >= 128 || !LITERAL[c]) {
					return false;
				}
				continue;
			}
			if (i + 2 >= length) {
				return false;
			}
			int high = hex(target.charAt(i + 1));
			int low = hex(target.charAt(i + 2));
			if (high < 0 || low < 0) {
				return false;
			}
			i += 2;
			int b = high * 16 + low;
			if (pending > 0) {
				// A continuation byte, within the range the lead byte allows (RFC 3629):
				// no overlong forms, no surrogates, nothing past U+10FFFF.
				if (b < lowest || b > highest) {
					return false;
				}
				pending--;
				lowest = 0x80;
				highest = 0xBF;
			}
			else if (b < 0x80) {
				if (b < 0x20 || b == 0x7F) {
					return false;
				}
			}
			else if (b >= 0xC2 && b <= 0xDF) {
				pending = 1;
			}
			else if (b >= 0xE0 && b <= 0xEF) {
				pending = 2;
				lowest = (b == 0xE0) ? 0xA0 : 0x80;
				highest = (b == 0xED) ? 0x9F : 0xBF;
			}
			else if (b >= 0xF0 && b <= 0xF4) {
				pending = 3;
				lowest = (b == 0xF0) ? 0x90 : 0x80;
				highest = (b == 0xF4) ? 0x8F : 0xBF;
			}
			else {
				return false;
			}
		}
		return pending == 0;
	}

	/** ASCII only: {@link Character#digit} would also take other scripts' digits. */
	private static int hex(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'a' && c <= 'f') {
			return c - 'a' + 10;
		}
		if (c >= 'A' && c <= 'F') {
			return c - 'A' + 10;
		}
		return -1;
	}

	/**
	 * Where the path starts: at once in origin-form, after the authority in absolute-form
	 * ({@code length} when there is no path); -1 for any other form.
	 */
	private static int pathStart(String target) {
		if (target.startsWith("/")) {
			return 0;
		}
		int authority;
		if (target.regionMatches(true, 0, "http://", 0, 7)) {
			authority = 7;
		}
		else if (target.regionMatches(true, 0, "https://", 0, 8)) {
			authority = 8;
		}
		else {
			return -1;
		}
		int end = authority;
		while (end < target.length() && target.charAt(end) != '/') {
			char c = target.charAt(end);
			if (c >= 128 || !(LITERAL[c] || c == '[' || c == ']') || c == '?') {
				return -1;
			}
			end++;
		}
		return (end > authority) ? end : -1;
	}

}
