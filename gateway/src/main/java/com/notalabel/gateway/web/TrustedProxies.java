package com.notalabel.gateway.web;

import java.net.InetAddress;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The proxies (nginx) whose {@code X-Forwarded-*} headers the gateway believes. A header
 * from anyone else is the client's own claim and is ignored, or a client could pick its
 * own rate-limit bucket and address.
 */
final class TrustedProxies {

	private final List<Networks.Block> blocks;

	private TrustedProxies(List<Networks.Block> blocks) {
		this.blocks = blocks;
	}

	/**
	 * @param cidrs addresses or CIDR blocks, such as {@code 10.0.0.0/8} or {@code ::1}
	 * @return the trusted proxies
	 * @throws IllegalArgumentException if an entry is not an address or block
	 */
	static TrustedProxies of(List<String> cidrs) {
		return new TrustedProxies(cidrs.stream()
			.filter((cidr) -> !cidr.isBlank())
			.map(String::strip)
			.map(Networks.Block::parse)
			.toList());
	}

	boolean isEmpty() {
		return this.blocks.isEmpty();
	}

	boolean trusts(@Nullable InetAddress address) {
		if (address == null) {
			return false;
		}
		for (Networks.Block block : this.blocks) {
			if (block.contains(address)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The client behind a chain of proxies: walking {@code X-Forwarded-For} from the
	 * right (the hop nearest to the gateway), the first address that is not a trusted
	 * proxy. Everything to its left was written by the client and is ignored.
	 * @param peer the address of the connection
	 * @param forwardedFor the {@code X-Forwarded-For} values, or {@code null}
	 * @return the client's address
	 */
	@Nullable InetAddress clientOf(@Nullable InetAddress peer, @Nullable List<String> forwardedFor) {
		if (!trusts(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
			return peer;
		}
		InetAddress client = peer;
		for (int header = forwardedFor.size() - 1; header >= 0; header--) {
			String[] hops = forwardedFor.get(header).split(",");
			for (int hop = hops.length - 1; hop >= 0; hop--) {
				InetAddress address = Networks.parse(hops[hop]);
				if (address == null) {
					// A trusted proxy would not write this; trust nothing further left.
					return client;
				}
				client = address;
				if (!trusts(address)) {
					return address;
				}
			}
		}
		return client;
	}

	@Override
	public String toString() {
		return this.blocks.toString();
	}

}
