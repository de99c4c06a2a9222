//! The digital service list (ডিজিটাল সেবার তালিকা): each service an office offers online, with its
//! address, channel, the steps a citizen takes, the time and cost to the citizen and whether it is fully
//! online, checked as typed.

use serde::{Deserialize, Serialize};

use crate::innovation::{ServiceChannel, web_address};
use crate::portal::charter::{Fee, TimeLimit, paired_lines, parse_fee, parse_time_limit};
use crate::{Bilingual, ValidationErrors};

/// A digital service as the list keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigitalService {
    pub name: Bilingual,
    pub channel: ServiceChannel,
    /// Where the citizen starts: a web address, or the code or number to dial.
    pub address: String,
    /// What the citizen does, in order.
    pub steps: Vec<Bilingual>,
    pub time_limit: TimeLimit,
    pub fee: Fee,
    /// Whether the citizen never has to come to the office.
    pub fully_online: bool,
}

/// A digital service as typed in its form.
#[derive(Debug, Clone, Default)]
pub struct DigitalServiceFields {
    pub name: Bilingual,
    pub channel: String,
    pub address: String,
    /// One step per line in each language.
    pub steps: Bilingual,
    pub time_amount: String,
    pub time_unit: String,
    pub fee: String,
    pub fully_online: bool,
}

/// Checks a digital service: a name, a channel, a web address for the web and apps (a code or number
/// for the others), at least one step, a time limit and a fee that is a number or free.
pub fn check_digital_service(
    fields: &DigitalServiceFields,
) -> Result<DigitalService, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    if fields.name.bn.trim().is_empty() {
        errors.add("name_bn", "error-required");
    }
    let channel = fields.channel.parse::<ServiceChannel>().ok();
    if channel.is_none() {
        errors.add("channel", "error-service-channel");
    }
    let address = fields.address.trim().to_owned();
    match channel {
        Some(ServiceChannel::Web | ServiceChannel::MobileApp) if !web_address(&address) => {
            errors.add("address", "error-web-address");
        }
        _ if address.is_empty() => {
            errors.add("address", "error-required");
        }
        _ => {}
    }
    let steps = paired_lines(&fields.steps);
    if steps.is_empty() {
        errors.add("steps_bn", "error-digital-service-steps");
    }
    let time_limit = parse_time_limit(&fields.time_amount, &fields.time_unit);
    if time_limit.is_none() {
        errors.add("time_amount", "error-charter-time-limit");
    }
    let fee = parse_fee(&fields.fee);
    if fee.is_none() {
        errors.add("fee", "error-charter-fee");
    }
    match (channel, time_limit, fee) {
        (Some(channel), Some(time_limit), Some(fee)) if errors.is_empty() => Ok(DigitalService {
            name: Bilingual::new(fields.name.bn.trim(), fields.name.en.trim()),
            channel,
            address,
            steps,
            time_limit,
            fee,
            fully_online: fields.fully_online,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::portal::charter::TimeUnit;

    fn fields() -> DigitalServiceFields {
        DigitalServiceFields {
            name: Bilingual::new("কারখানার লাইসেন্স নবায়ন", "Factory licence renewal"),
            channel: "web".into(),
            address: "https://lims.dife.gov.bd".into(),
            steps: Bilingual::new(
                "অনলাইনে আবেদন\nফি পরিশোধ\nসনদ ডাউনলোড",
                "Apply online\nPay the fee\nDownload the certificate",
            ),
            time_amount: "৭".into(),
            time_unit: "working_day".into(),
            fee: "১,০০০".into(),
            fully_online: true,
        }
    }

    #[test]
    fn a_complete_service_keeps_its_steps_in_order() {
        let service = check_digital_service(&fields()).unwrap();
        assert_eq!(service.steps.len(), 3);
        assert_eq!(service.steps[2].en, "Download the certificate");
        assert_eq!(service.fee, Fee::Taka(100_000));
        assert_eq!(service.time_limit.unit, TimeUnit::WorkingDay);
    }

    #[test]
    fn a_web_service_needs_a_web_address_and_a_dialled_one_a_code() {
        let keys = |fields: &DigitalServiceFields| -> Vec<&str> {
            check_digital_service(fields)
                .unwrap_err()
                .errors
                .iter()
                .map(|error| error.message_key)
                .collect()
        };
        let bad = DigitalServiceFields {
            address: "lims.dife.gov.bd".into(),
            steps: Bilingual::default(),
            ..fields()
        };
        assert_eq!(
            keys(&bad),
            ["error-web-address", "error-digital-service-steps"]
        );
        let ussd = DigitalServiceFields {
            channel: "ussd".into(),
            address: "*16263#".into(),
            ..fields()
        };
        assert!(check_digital_service(&ussd).is_ok());
        let empty = DigitalServiceFields {
            channel: "hotline".into(),
            address: " ".into(),
            ..fields()
        };
        assert_eq!(keys(&empty), ["error-required"]);
    }
}
