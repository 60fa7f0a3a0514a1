/**
 * The tracks music-service describes in {@code music.TrackUpdated}, as far as payments
 * need them: who owns each one and its title.
 */
@NullMarked
package com.notalabel.payment.catalogue;

import org.jspecify.annotations.NullMarked;
