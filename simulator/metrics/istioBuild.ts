/** The Istio release the simulated mesh claims to run (istio_build{tag}). */
export const ISTIO_TAG = '1.24.2';
