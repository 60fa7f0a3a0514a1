package com.notalabel.gateway.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Address arithmetic without DNS: literals only, never a lookup.
 */
final class Networks {

	private Networks() {
	}

	/**
	 * Reads an address literal as proxies write it in {@code X-Forwarded-For}: plain,
	 * bracketed IPv6, or IPv4 with a port.
	 * @param text the literal
	 * @return the address, or {@code null} if the text is not one
	 */
	static @Nullable InetAddress parse(String text) {
		String literal = text.strip();
		if (literal.startsWith("[")) {
			int end = literal.indexOf(']');
			if (end < 0) {
				return null;
			}
			literal = literal.substring(1, end);
		}
		else if (literal.indexOf(':') > 0 && literal.indexOf(':') == literal.lastIndexOf(':')
				&& literal.indexOf('.') > 0) {
			literal = literal.substring(0, literal.indexOf(':'));
		}
		if (literal.isEmpty()) {
			return null;
		}
		try {
			return InetAddress.ofLiteral(literal);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The key anonymous rate limits count by. An IPv6 subscriber usually holds a whole
	 * /64 and could otherwise rotate through its addresses for a fresh bucket each time.
	 * @param address a client address
	 * @return the address itself for IPv4, its /64 network for IPv6
	 */
	static String rateLimitKey(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return address.getHostAddress();
		}
		byte[] network = Arrays.copyOf(address.getAddress(), 16);
		Arrays.fill(network, 8, 16, (byte) 0);
		try {
			return InetAddress.getByAddress(network).getHostAddress() + "/64";
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("16 bytes are an IPv6 address", ex);
		}
	}

	/**
	 * An address block in CIDR notation.
	 *
	 * @param network the block's first address, as bytes
	 * @param prefixLength how many leading bits belong to the block
	 */
	record Block(byte[] network, int prefixLength) {

		/**
		 * Reads {@code 10.0.0.0/8}, {@code fd00::/8}, or a single address.
		 * @param cidr the block
		 * @return the block
		 * @throws IllegalArgumentException if it is not a block
		 */
		static Block parse(String cidr) {
			int slash = cidr.indexOf('/');
			InetAddress address = Networks.parse((slash < 0) ? cidr : cidr.substring(0, slash));
			if (address == null) {
				throw new IllegalArgumentException("'" + cidr + "' is not an address or CIDR block");
			}
			byte[] bytes = address.getAddress();
			int prefix = bytes.length * 8;
			if (slash >= 0) {
				try {
					prefix = Integer.parseInt(cidr.substring(slash + 1).strip());
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("'" + cidr + "' has no valid prefix length", ex);
				}
				if (prefix < 0 || prefix > bytes.length * 8) {
					throw new IllegalArgumentException("'" + cidr + "' has no valid prefix length");
				}
			}
			return new Block(bytes, prefix);
		}

		boolean contains(InetAddress address) {
			byte[] candidate = address.getAddress();
			if (candidate.length != this.network.length) {
				return false;
			}
			int whole = this.prefixLength / 8;
			for (int i = 0; i < whole; i++) {
				if (candidate[i] != this.network[i]) {
					return false;
				}
			}
			int rest = this.prefixLength % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xFF << (8 - rest)) & 0xFF;
			return (candidate[whole] & mask) == (this.network[whole] & mask);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Block block && block.prefixLength == this.prefixLength
					&& Arrays.equals(block.network, this.network);
		}

		@Override
		public int hashCode() {
			return 31 * Arrays.hashCode(this.network) + this.prefixLength;
		}

		@Override
		public String toString() {
			try {
				return InetAddress.getByAddress(this.network).getHostAddress() + "/" + this.prefixLength;
			}
			catch (UnknownHostException ex) {
				return Arrays.toString(this.network) + "/" + this.prefixLength;
			}
		}

	}

}
