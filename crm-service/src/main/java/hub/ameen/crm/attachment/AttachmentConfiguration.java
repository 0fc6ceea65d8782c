package hub.ameen.crm.attachment;

import hub.ameen.crm.company.Company;
import hub.ameen.crm.contact.Contact;
import hub.ameen.crm.deal.Deal;
import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.files.Attachments;
import hub.ameen.platform.store.Store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The records that take attachments, which also delete their files when deleted.
 */
@Configuration(proxyBeanMethods = false)
public class AttachmentConfiguration {

	@Bean
	AttachableRecords attachableRecords(Store store, Aggregate<Deal> deals, Aggregate<Contact> contacts,
			Aggregate<Company> companies, Attachments attachments) {
		return new AttachableRecords(store, deals, contacts, companies, attachments);
	}

}
