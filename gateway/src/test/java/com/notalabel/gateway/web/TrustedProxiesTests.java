package com.notalabel.gateway.web;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrustedProxiesTests {

	private final TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.10", "fd00::/8"));

	@Test
	void takesTheConnectionForTheClientWhenItIsNoTrustedProxy() {
		assertThat(this.proxies.clientOf(address("203.0.113.5"), List.of("198.51.100.1")))
			.isEqualTo(address("203.0.113.5"));
	}

	@Test
	void takesTheNearestUntrustedHopBehindTrustedProxies() {
		assertThat(this.proxies.clientOf(address("10.1.2.3"), List.of("6.6.6.6, 198.51.100.1, 192.168.1.10")))
			.isEqualTo(address("198.51.100.1"));
	}

	@Test
	void readsHopsAcrossSeveralHeaders() {
		assertThat(this.proxies.clientOf(address("10.1.2.3"), List.of("198.51.100.1", "10.9.9.9")))
			.isEqualTo(address("198.51.100.1"));
	}

	@Test
	void takesTheProxyItselfWhenItForwardsNothing() {
		assertThat(this.proxies.clientOf(address("10.1.2.3"), null)).isEqualTo(address("10.1.2.3"));
	}

	@Test
	void stopsAtAHopItCannotRead() {
		assertThat(this.proxies.clientOf(address("10.1.2.3"), List.of("198.51.100.1, unknown, 10.4.4.4")))
			.isEqualTo(address("10.4.4.4"));
	}

	@Test
	void readsBracketedIpv6AndIpv4WithAPort() {
		assertThat(this.proxies.clientOf(address("fd00::1"), List.of("[2001:db8::1]:443")))
			.isEqualTo(address("2001:db8::1"));
		assertThat(this.proxies.clientOf(address("fd00::1"), List.of("198.51.100.1:5555")))
			.isEqualTo(address("198.51.100.1"));
	}

	@Test
	void countsAnIpv6ClientByItsSlash64() {
		assertThat(Networks.rateLimitKey(address("2001:db8:1:2:aaaa:bbbb:cccc:dddd")))
			.isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(Networks.rateLimitKey(address("203.0.113.5"))).isEqualTo("203.0.113.5");
	}

	@Nested
	class Configuration {

		@Test
		void refusesWhatIsNoAddressOrBlock() {
			assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("nginx")));
			assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33")));
			assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/x")));
		}

		@Test
		void trustsNobodyWhenEmpty() {
			TrustedProxies none = TrustedProxies.of(List.of(""));

			assertThat(none.isEmpty()).isTrue();
			assertThat(none.clientOf(address("10.1.2.3"), List.of("198.51.100.1"))).isEqualTo(address("10.1.2.3"));
		}

	}

	private static InetAddress address(String literal) {
		return InetAddress.ofLiteral(literal);
	}

}
