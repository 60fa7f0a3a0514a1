package com.notalabel.user.testing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Public client addresses for the tests' requests, sent as {@code X-Forwarded-For} (which
 * the service trusts from loopback), so that per-address throttling of one test never
 * meets another's.
 */
public final class ClientAddresses {

	/** The header the service reads the client's address from. */
	public static final String HEADER = "X-Forwarded-For";

	private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	private ClientAddresses() {
	}

	/**
	 * Handed out in turn, not drawn at random: per-address throttles must never see two
	 * tests as one client (random draws from the 131,072 benchmark addresses collided).
	 * @return an address from 198.18.0.0/15, reserved for benchmarks and never a proxy
	 */
	public static String next() {
		int n = ADDRESSES.getAndIncrement() % (2 * 256 * 256);
		return "198." + (18 + n / 65536) + "." + (n / 256 % 256) + "." + (n % 256);
	}

}
