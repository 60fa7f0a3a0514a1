package com.notalabel.gateway.web;

/**
 * Refuses request paths that a service could read differently from the gateway: the
 * gateway decides what is public on the path as it arrives, while Tomcat in a service
 * normalises {@code ..}, decodes {@code %2e} and drops {@code ;} parameters. A path in
 * normal form leaves nothing to reinterpret, so anything else is refused (the same rules
 * as Spring Security's strict firewall).
 */
final class RequestPathFirewall {

	private RequestPathFirewall() {
	}

	/**
	 * @param rawPath the path exactly as received, still percent-encoded
	 * @return whether the path is in normal form
	 */
	static boolean accepts(String rawPath) {
		int length = rawPath.length();
		if (length == 0 || rawPath.charAt(0) != '/') {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = rawPath.charAt(i);
			if (c <= 0x20 || c >= 0x7F || c == '\\' || c == ';') {
				return false;
			}
			if (c == '%') {
				if (i + 2 >= length) {
					return false;
				}
				int high = Character.digit(rawPath.charAt(i + 1), 16);
				int low = Character.digit(rawPath.charAt(i + 2), 16);
				if (high < 0 || low < 0 || isRefusedWhenEncoded(high * 16 + low)) {
					return false;
				}
				i += 2;
			}
			else if (c == '/' && !isNormalSegmentStart(rawPath, i + 1)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isRefusedWhenEncoded(int decoded) {
		return decoded < 0x20 || decoded == 0x7F || decoded == '.' || decoded == '/' || decoded == '\\'
				|| decoded == ';' || decoded == '%';
	}

	/**
	 * Whether the segment starting at {@code start} is neither empty (a double slash) nor
	 * {@code .} nor {@code ..}. A single trailing slash is an empty last segment, which
	 * is fine.
	 */
	private static boolean isNormalSegmentStart(String path, int start) {
		int length = path.length();
		if (start == length) {
			return true;
		}
		if (path.charAt(start) == '/') {
			return false;
		}
		int end = path.indexOf('/', start);
		int segmentLength = ((end < 0) ? length : end) - start;
		if (segmentLength == 1 && path.charAt(start) == '.') {
			return false;
		}
		return !(segmentLength == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.');
	}

}
