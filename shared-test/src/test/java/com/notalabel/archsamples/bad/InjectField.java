package com.notalabel.archsamples.bad;

import java.time.Clock;

import jakarta.inject.Inject;

public class InjectField {

	@Inject
	private Clock clock;

}
