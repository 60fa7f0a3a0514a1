package com.notalabel.music;

import org.springframework.test.context.ContextConfiguration;

import com.notalabel.music.testing.MusicTestEnvironment;
import com.notalabel.test.service.ServiceDefaultsContract;

/**
 * The platform's boot contract, in the same context as every other integration test here
 * ({@code MusicServiceIntegrationTest}).
 */
@ContextConfiguration(initializers = MusicTestEnvironment.class)
class MusicServiceApplicationIntegrationTests extends ServiceDefaultsContract {

	MusicServiceApplicationIntegrationTests() {
		super("music-service", "music", "/api/v1/tracks");
	}

}
