package com.notalabel.user.account;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileTests {

	@Test
	void namesExactlyTheFieldsAProfileUpdateMayCarry() {
		assertThat(Profile.FIELD_NAMES).containsExactlyInAnyOrder("displayName", "handle", "bio", "genres", "location",
				"links");
	}

	@Test
	void storesHandlesInLowerCaseAndNamesTrimmed() {
		Profile profile = new Profile(" Nova ", "Nova-Lane", null, null, null, null);

		assertThat(profile.displayName()).isEqualTo("Nova");
		assertThat(profile.handle()).isEqualTo("nova-lane");
		assertThat(profile.genres()).isEqualTo(List.of());
		assertThat(profile.links()).isEqualTo(List.of());
	}

}
