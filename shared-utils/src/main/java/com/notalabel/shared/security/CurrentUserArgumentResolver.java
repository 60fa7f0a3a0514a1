package com.notalabel.shared.security;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import com.notalabel.types.id.SessionId;
import com.notalabel.types.id.UserId;

final class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == CurrentUser.class;
	}

	@Override
	public CurrentUser resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
			NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
		return currentUser(SecurityContextHolder.getContext().getAuthentication());
	}

	static CurrentUser currentUser(@Nullable Authentication authentication) {
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			throw new AuthenticationCredentialsNotFoundException("No signed-in user");
		}
		Jwt jwt = token.getToken();
		List<String> roles = jwt.getClaimAsStringList(AccessTokenClaims.ROLES);
		return new CurrentUser(UserId.parse(jwt.getSubject()),
				SessionId.parse(jwt.getClaimAsString(AccessTokenClaims.SESSION_ID)),
				java.util.Set.copyOf((roles != null) ? roles : List.of()));
	}

}
