package com.notalabel.gateway.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestTargetsTests {

	@ParameterizedTest
	@ValueSource(strings = { "/", "/api/v1/tracks", "/api/v1/tracks?page=0&size=20", "/api/v1/tracks?q=caf%C3%A9",
			"/api/v1/tracks/%F0%9F%8E%B5", "/a?x=~!$'()*+,;=:@/?", "/a?q=%E2%82%AC", "/a?q=%ED%9F%BF",
			"/a?q=%F4%8F%BF%BF", "http://localhost:3001/api/v1/tracks?x=1", "https://api.example.test",
			"http://[::1]:3001/a" })
	void acceptsAPercentEncodedUtf8Target(String target) {
		assertThat(RequestTargets.isAcceptable(target)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "*", "api/v1/tracks", "/%", "/%f", "/%zz", "/%ff", "/%C3", "/%C3%28", "/%C0%AF",
			"/%E0%80%AF", "/%ED%A0%80", "/%F4%90%80%80", "/%F5%80%80%80", "/%80", "/a?x=%00", "/a?x=%1F", "/a?x=%7f",
			"/a?x=%e2%82", "/a?x=%e2%82x", "/a?x=%\u0663\u0663", "/a?x={a}", "/a?x=\"", "/a?x=<b>", "/a?x=a|b",
			"/a?x=a^b", "/a?x=`", "/a?x=a\\b", "/a?x=a#b", "/a[b]", "/a?x[y]=1", "/a b", "/\u00e9", "/a?x=\u00c3\u00a9",
			"/a\u0000", "ftp://host/a", "http://", "http://ho%73t/a", "http://host?x=1" })
	void refusesAnythingElse(String target) {
		assertThat(RequestTargets.isAcceptable(target)).isFalse();
	}

	@Test
	void acceptsOnlyTargetsThatParseAsAUriAndDecodeAsUtf8() {
		String alphabet = "/?%aZ09-._~!$&'()*+,;=:@#[]{}|\\^`\"<> \u0000\u007f\u00e9\u0663" + "0123456789abcdefABCDEF";
		Random random = new Random(13);
		int accepted = 0;
		for (int run = 0; run < 200_000; run++) {
			StringBuilder target = new StringBuilder("/");
			int length = random.nextInt(12);
			for (int i = 0; i < length; i++) {
				if (random.nextInt(4) == 0) {
					target.append('%').append(Integer.toHexString(0x100 | random.nextInt(256)).substring(1));
				}
				else {
					target.append(alphabet.charAt(random.nextInt(alphabet.length())));
				}
			}
			if (RequestTargets.isAcceptable(target.toString())) {
				accepted++;
				assertThat(parsesAndDecodes(target.toString())).as(target.toString()).isTrue();
			}
		}
		assertThat(accepted).isGreaterThan(1000);
	}

	/**
	 * What WebFlux does with a target (a URI) and what a service does (decodes as UTF-8).
	 */
	private static boolean parsesAndDecodes(String target) {
		try {
			URI uri = new URI("http://localhost:3001" + target);
			assertThat(uri.getRawPath()).isNotNull();
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			for (int i = 0; i < target.length(); i++) {
				char c = target.charAt(i);
				if (c == '%') {
					bytes.write(Integer.parseInt(target.substring(i + 1, i + 3), 16));
					i += 2;
				}
				else {
					bytes.write(c);
				}
			}
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()));
			return true;
		}
		catch (URISyntaxException | CharacterCodingException ex) {
			return false;
		}
	}

}
