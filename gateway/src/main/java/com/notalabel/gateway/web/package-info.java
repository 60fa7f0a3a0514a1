/**
 * The HTTP edge: request ids, the client's address behind trusted proxies, the path
 * firewall, security headers, CORS, headers that never reach a service, body limits, and
 * problem+json for everything the gateway answers itself.
 */
@NullMarked
package com.notalabel.gateway.web;

import org.jspecify.annotations.NullMarked;
