package com.notalabel.music;

import com.notalabel.test.service.ServiceDefaultsContract;

class MusicServiceApplicationIntegrationTests extends ServiceDefaultsContract {

	MusicServiceApplicationIntegrationTests() {
		super("music-service", "music", "/api/v1/tracks");
	}

}
