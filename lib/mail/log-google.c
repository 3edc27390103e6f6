/*
 * Google Workspace email log search exports (Admin console, Reporting, Email log
 * search, export to CSV; see maillog-int.h). Google's documentation names what the
 * results show (date, sender, recipient, subject, message ID, status) but riposte's
 * authors could not check the exact header row of an export: the reader therefore
 * takes the usual spellings of each column, matched without case, spaces, '-' or '_':
 *   date:        Date, Timestamp, Time, Event date, Message date, Start date, Sent
 *   sender:      Sender, From, Sender address
 *   recipient:   Recipient, Recipients, To, Recipient address
 *   subject:     Subject
 *   Message-ID:  Message ID, RFC 822 Message ID, Rfc822 message id, Message-ID
 *   status:      Status, Event, Delivery status, Event status, Message status
 *   size:        Size, Message size
 * Any date form of rp_hosted_date (a zone written, else UTC); a row without a status
 * column is a delivery. Statuses: Delivered, Inserted, Received, Sent, Spam -> delivered;
 * Bounced, Rejected, Dropped, Failed, Quarantined -> bounced; Deferred, Retrying ->
 * deferred. A header that is Microsoft's (SenderAddress...) is read as Microsoft's.
 */
#include <string.h>

#include "mail/maillog-int.h"

static const char *const names[RP_HOSTED_NCOL] = {
	[HC_TIME] = "date|timestamp|time|eventdate|messagedate|startdate|sent|datetime",
	[HC_FROM] = "sender|from|senderaddress",
	[HC_TO] = "recipient|recipients|to|recipientaddress",
	[HC_SUBJECT] = "subject",
	[HC_STATUS] = "status|event|deliverystatus|eventstatus|messagestatus",
	[HC_MSGID] = "messageid|rfc822messageid",
	[HC_SIZE] = "size|messagesize",
};

static int
is(const char *s, size_t len, const char *w)
{
	size_t wl = strlen(w);

	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	return len >= wl && strncasecmp(s, w, wl) == 0;
}

static enum rp_maillog_status
status(const char *s, size_t len)
{
	if (is(s, len, "deliver") || is(s, len, "insert") || is(s, len, "receiv") ||
	    is(s, len, "sent") || is(s, len, "spam"))
		return RP_ML_DELIVERED;
	if (is(s, len, "bounce") || is(s, len, "reject") || is(s, len, "drop") ||
	    is(s, len, "fail") || is(s, len, "quarantin"))
		return RP_ML_BOUNCED;
	if (is(s, len, "defer") || is(s, len, "retry"))
		return RP_ML_DEFERRED;
	return RP_ML_OTHER;
}

int
rp_google_header(const struct rp_csvr_field *f, size_t n, struct rp_hosted *h)
{
	memset(h, 0, sizeof(*h));
	rp_hosted_columns(f, n, names, RP_HOSTED_NCOL, h->col);
	if (h->col[HC_TIME] < 0 || h->col[HC_FROM] < 0 || h->col[HC_TO] < 0 ||
	    h->col[HC_MSGID] < 0)
		return 0;
	h->col[HC_TRACEID] = h->col[HC_TOIP] = h->col[HC_RCPTSTATUS] = -1;
	h->source = "google";
	h->format = "google";
	h->us_dates = 1;
	h->status = status;
	return 1;
}
