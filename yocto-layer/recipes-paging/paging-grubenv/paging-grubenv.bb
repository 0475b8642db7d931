SUMMARY = "Initial GRUB environment for the RAUC A/B root slots"
DESCRIPTION = "Deploys grubenv for the EFI system partition: both slots good, A first. \
GRUB can only rewrite an environment block that exists, so the image must ship one."
LICENSE = "MIT"
LIC_FILES_CHKSUM = "file://${COMMON_LICENSE_DIR}/MIT;md5=0835ade698e0bcf8506ecda2f7b4f302"

S = "${UNPACKDIR}"
INHIBIT_DEFAULT_DEPS = "1"

inherit deploy nopackages

PAGING_GRUBENV_VARS ?= "ORDER=A B|A_OK=1|A_TRY=0|B_OK=1|B_TRY=0"

# The GRUB environment block format: a header line, NAME=value lines, then '#' up to 1024 bytes.
python do_compile() {
    block = '# GRUB Environment Block\n'
    for pair in d.getVar('PAGING_GRUBENV_VARS').split('|'):
        block += pair + '\n'
    if len(block) > 1024:
        bb.fatal('PAGING_GRUBENV_VARS does not fit in a 1024-byte environment block')
    with open(os.path.join(d.getVar('B'), 'grubenv'), 'w') as f:
        f.write(block + '#' * (1024 - len(block)))
}

do_deploy() {
    install -m 0644 ${B}/grubenv ${DEPLOYDIR}/grubenv
}
addtask deploy after do_compile before do_build
