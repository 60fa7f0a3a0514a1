/**
 * The person's rights over their data (GDPR): a copy of everything held here, and
 * erasure.
 */
@NullMarked
package com.notalabel.user.privacy;

import org.jspecify.annotations.NullMarked;
