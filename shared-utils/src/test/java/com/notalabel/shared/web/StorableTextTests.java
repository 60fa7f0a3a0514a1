package com.notalabel.shared.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTextTests {

	@Test
	void acceptsAnyTextWithoutNulOrUnpairedSurrogates() {
		assertThat(StorableText.isStorable("")).isTrue();
		assertThat(StorableText.isStorable("Ada Lovelace\t\r\n")).isTrue();
		assertThat(StorableText.isStorable("\uD83C\uDFB5 Noël, 東京")).isTrue();
		assertThat(StorableText.isStorable("\uD83C\uDFB5")).isTrue();
	}

	@Test
	void refusesNul() {
		assertThat(StorableText.isStorable("a\u0000b")).isFalse();
		assertThat(StorableText.isStorable("\u0000")).isFalse();
	}

	@Test
	void refusesAHighSurrogateWithoutItsLowHalf() {
		assertThat(StorableText.isStorable("\uD800x")).isFalse();
		assertThat(StorableText.isStorable("x\uD800")).isFalse();
		assertThat(StorableText.isStorable("\uD800\uD800\uDC00")).isFalse();
	}

	@Test
	void refusesALowSurrogateWithoutItsHighHalf() {
		assertThat(StorableText.isStorable("\uDC00")).isFalse();
		assertThat(StorableText.isStorable("\uD83C\uDFB5\uDFB5")).isFalse();
	}

}
