package io.airlock.server.asset;

/** What the gateway holds to sign in to the equipment on the user's behalf. */
public enum CredentialKind {
    /** The user signs in at the equipment's own prompt. */
    NONE,
    PASSWORD,
    /** An SSH private key in OpenSSH or PEM format. */
    PRIVATE_KEY,
    /**
     * Nothing secret is stored (at most a username): the session window asks the user each time, and what
     * they type is used for that one connection, never stored, logged or recorded.
     */
    ASK_USER
}
