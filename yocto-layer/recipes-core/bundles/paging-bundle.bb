SUMMARY = "RAUC update bundle of the PagingServer appliance"
LICENSE = "MIT"
LIC_FILES_CHKSUM = "file://${COMMON_LICENSE_DIR}/MIT;md5=0835ade698e0bcf8506ecda2f7b4f302"

inherit bundle

RAUC_BUNDLE_COMPATIBLE = "${PAGING_RAUC_COMPATIBLE}"
RAUC_BUNDLE_VERSION = "${DISTRO_VERSION}"
RAUC_BUNDLE_DESCRIPTION = "PagingServer appliance root filesystem"
RAUC_BUNDLE_FORMAT = "verity"

RAUC_BUNDLE_SLOTS = "rootfs"
RAUC_SLOT_rootfs = "paging-image"
RAUC_SLOT_rootfs[fstype] = "ext4"

# Signing key and certificate: scripts/make-dev-keys writes development ones; the
# certificate must chain to the keyring in the image (rauc-conf.bbappend).
RAUC_KEY_FILE = "${PAGING_RAUC_KEY_DIR}/paging-signing.key.pem"
RAUC_CERT_FILE = "${PAGING_RAUC_KEY_DIR}/paging-signing.cert.pem"
