/*
 * HTML smuggling: an HTML page (a body or an .html attachment) that carries a file
 * as a base64 blob and a script that builds it in the browser and saves it, so that
 * no executable crosses the mail gateway. (No regex over the blob itself: a pattern
 * without a fixed atom makes YARA try it at every byte of every attachment.)
 */
rule mail_html_smuggling
{
    meta:
        description = "HTML that decodes an embedded blob and saves it as a file"
        verdict = "malicious"
    strings:
        $html1 = "<html" nocase
        $html2 = "<script" nocase
        $dec1 = "atob(" nocase
        $dec2 = "base64," nocase
        $dec3 = "Uint8Array" nocase
        $blob = "new Blob" nocase
        $save1 = "msSaveOrOpenBlob" nocase
        $save2 = "createObjectURL" nocase
        $save3 = ".download" nocase
        $save4 = "download=" nocase
    condition:
        any of ($html*) and $blob and any of ($dec*) and any of ($save*) and filesize > 2KB
}
