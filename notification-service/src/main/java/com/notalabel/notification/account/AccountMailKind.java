package com.notalabel.notification.account;

/**
 * The mails an account gets, each with the page of the web app its link opens.
 */
enum AccountMailKind {

	/** Proves that the person reads the address's mail. */
	EMAIL_VERIFICATION("/verify-email"),

	/** Lets the person choose a new password. */
	PASSWORD_RESET("/reset-password");

	private final String page;

	AccountMailKind(String page) {
		this.page = page;
	}

	String page() {
		return this.page;
	}

}
