// Recorded with every scan so that a record says which engine produced its findings.
export const ENGINE_VERSION = '0.1.0';
