/*
 * Microsoft 365 / Exchange Online message trace exports (see maillog-int.h), one row
 * per recipient:
 *  - Get-MessageTrace | Export-Csv and the admin centre's export: Received,
 *    SenderAddress, RecipientAddress, Subject, Status (Delivered, Failed, Expanded,
 *    Pending, GettingStatus, FilteredAsSpam, Quarantined, Resolved, None), ToIP,
 *    FromIP, Size, MessageId, MessageTraceId; Received as the US culture writes it,
 *    "11/19/2026 2:45:31 PM", in UTC (ISO 8601 accepted too);
 *  - the historical search's summary report: origin_timestamp_utc, sender_address,
 *    recipient_status ("addr##Receive, Deliver;addr2##..."), message_subject,
 *    total_bytes, message_id, network_message_id.
 * Column names are matched without case, spaces or '_'; the order does not matter.
 */
#include <string.h>

#include "mail/maillog-int.h"

static const char *const names[RP_HOSTED_NCOL] = {
	[HC_TIME] = "received|origintimestamputc|dateutc|date",
	[HC_FROM] = "senderaddress",
	[HC_TO] = "recipientaddress",
	[HC_SUBJECT] = "subject|messagesubject",
	[HC_STATUS] = "status|deliverystatus",
	[HC_MSGID] = "messageid",
	[HC_TRACEID] = "messagetraceid|networkmessageid",
	[HC_SIZE] = "size|totalbytes",
	[HC_TOIP] = "toip",
	[HC_RCPTSTATUS] = "recipientstatus",
};

static int
has(const char *s, size_t len, const char *w)
{
	size_t wl = strlen(w), i;

	for (i = 0; i + wl <= len; i++)
		if (strncasecmp(s + i, w, wl) == 0)
			return 1;
	return 0;
}

static enum rp_maillog_status
status(const char *s, size_t len)
{
	/* the summary report's events ("Receive, Deliver") name the last step last */
	if (has(s, len, "fail") || has(s, len, "quarantine") || has(s, len, "drop"))
		return RP_ML_BOUNCED;
	if (has(s, len, "expand"))
		return RP_ML_EXPANDED;
	if (has(s, len, "deliver") || has(s, len, "resolved") || has(s, len, "filteredasspam"))
		return RP_ML_DELIVERED;
	if (has(s, len, "pending") || has(s, len, "gettingstatus"))
		return RP_ML_PENDING;
	if (has(s, len, "defer"))
		return RP_ML_DEFERRED;
	return RP_ML_OTHER;
}

int
rp_m365_header(const struct rp_csvr_field *f, size_t n, struct rp_hosted *h)
{
	memset(h, 0, sizeof(*h));
	rp_hosted_columns(f, n, names, RP_HOSTED_NCOL, h->col);
	if (h->col[HC_TIME] < 0 || h->col[HC_FROM] < 0 ||
	    (h->col[HC_TO] < 0 && h->col[HC_RCPTSTATUS] < 0))
		return 0;
	h->source = "m365";
	h->format = h->col[HC_TO] >= 0 ? "m365" : "m365-summary";
	h->us_dates = 1;
	h->status = status;
	return 1;
}
