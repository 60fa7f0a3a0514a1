package com.notalabel.archsamples.bad;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Autowired;

public class AutowiredField {

	@Autowired
	private Clock clock;

}
