/**
 * Royalty splits: versions of a track's shares with their effective dates, optional
 * recoupment, and the invitations that let collaborators named by email claim their
 * shares.
 */
@NullMarked
package com.notalabel.payment.split;

import org.jspecify.annotations.NullMarked;
