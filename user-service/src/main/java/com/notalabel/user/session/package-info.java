/**
 * Sessions: sign-in results, refresh-token rotation with reuse detection, revocation and
 * its propagation to the gateways.
 */
@NullMarked
package com.notalabel.user.session;

import org.jspecify.annotations.NullMarked;
