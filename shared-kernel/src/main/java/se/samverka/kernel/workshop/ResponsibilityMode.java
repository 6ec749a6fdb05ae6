package se.samverka.kernel.workshop;

/** How a capability is upheld: by the municipality itself, through collaboration, or through procurement. */
public enum ResponsibilityMode { OWN, COLLABORATION, PROCUREMENT }
