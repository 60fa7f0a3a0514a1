package com.notalabel.notification.mail;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MailSettingsTests {

	@Test
	void readsTheSenderWithItsName() {
		MailSettings settings = new MailSettings("Not a Label <no-reply@notalabel.local>",
				URI.create("http://localhost:5173"));

		assertThat(settings.sender().getAddress()).isEqualTo("no-reply@notalabel.local");
		assertThat(settings.sender().getPersonal()).isEqualTo("Not a Label");
	}

	@Test
	void refusesASenderThatIsNoAddress() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MailSettings("Not a Label", URI.create("http://localhost:5173")))
			.withMessageContaining("nal.mail.from");
	}

	@Test
	void refusesABaseUrlThatIsNotAnAbsoluteWebAddress() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MailSettings("no-reply@example.com", URI.create("/verify")))
			.withMessageContaining("nal.mail.app-base-url");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MailSettings("no-reply@example.com", URI.create("javascript:alert(1)")))
			.withMessageContaining("nal.mail.app-base-url");
	}

}
