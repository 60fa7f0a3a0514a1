package com.notalabel.audio.engine;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class RealFftTests {

	@ParameterizedTest
	@ValueSource(ints = { 4, 8, 256, 4096 })
	void givesThePowerSpectrumOfTheDiscreteFourierTransform(int size) {
		SplittableRandom random = new SplittableRandom(size);
		float[] frame = new float[size];
		for (int i = 0; i < size; i++) {
			frame[i] = (float) (random.nextDouble() - 0.5);
		}
		float[] power = new float[size / 2 + 1];
		new RealFft(size).power(frame, power);
		for (int k = 0; k <= size / 2; k += Math.max(1, size / 64)) {
			double re = 0.0;
			double im = 0.0;
			for (int n = 0; n < size; n++) {
				re += frame[n] * Math.cos(2 * Math.PI * k * n / size);
				im -= frame[n] * Math.sin(2 * Math.PI * k * n / size);
			}
			double expected = re * re + im * im;
			assertThat((double) power[k]).as("bin %d", k).isCloseTo(expected, within(1e-4 * size + 1e-3 * expected));
		}
	}

	@Test
	void acceptsOnlyPowersOfTwo() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RealFft(300));
	}

	@Test
	void fastLogarithmStaysWithinATenThousandth() {
		for (float x = 1.0f; x < 1e7f; x *= 1.37f) {
			assertThat((double) FastMath.log(x)).isCloseTo(Math.log(x), within(1e-4));
		}
	}

}
