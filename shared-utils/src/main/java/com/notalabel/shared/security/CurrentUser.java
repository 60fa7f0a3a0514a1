package com.notalabel.shared.security;

import java.util.Set;

import com.notalabel.types.id.SessionId;
import com.notalabel.types.id.UserId;

/**
 * The signed-in user of the current request, from a verified access token. Declare it as
 * a controller method parameter to receive it; an anonymous request never reaches such a
 * method.
 *
 * @param id the user ({@code sub})
 * @param sessionId the session the token belongs to ({@code sid})
 * @param roles the user's roles
 */
public record CurrentUser(UserId id, SessionId sessionId, Set<String> roles) {

	public CurrentUser {
		roles = Set.copyOf(roles);
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

}
