# RAUC system configuration of the appliance and the keyring bundles are checked against.
# The keyring is the development CA made by scripts/make-dev-keys (into a folder git
# ignores); a product build points PAGING_RAUC_KEY_DIR at its release CA instead.
FILESEXTRAPATHS:prepend := "${THISDIR}/files:"
FILESEXTRAPATHS:prepend = "${PAGING_RAUC_KEY_DIR}:"

RAUC_KEYRING_FILE = "paging-ca.cert.pem"
