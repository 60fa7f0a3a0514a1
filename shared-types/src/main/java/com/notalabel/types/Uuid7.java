package com.notalabel.types;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): the platform's ids, so that primary-key
 * indexes stay append-mostly and ids sort by creation time.
 */
public final class Uuid7 {

	private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

	private Uuid7() {
	}

	public static UUID next() {
		return GENERATOR.generate();
	}

}
