/**
 * The embedded default document: IJM's 2015 prevalence study of minors in Cambodia's commercial sex
 * trade. Every figure and quote is copied word for word from the study page; where the page gives
 * no URL, none is invented. The 73 % is the study's own comparison with IJM's 2012 study; the
 * early-2000s 30 % is a different estimate, for Phnom Penh alone, so the two are kept apart and no
 * reduction is computed from them.
 */
import type { StudyDocument } from './schema.js';

export const DEFAULT_DOCUMENT: StudyDocument = {
  version: 1,
  study: {
    id: 'cambodia-prevalence-2015',
    title: 'Cambodia Prevalence Study',
    publisher: 'International Justice Mission (IJM)',
    year: 2015,
    locale: 'en',
  },
  stats: [
    {
      id: 'minors-2015',
      value: 2.2,
      format: 'percent',
      decimals: 1,
      label: 'of people in the commercial sex trade were minors',
      context:
        "Phnom Penh, Siem Reap and Sihanoukville, the country's three largest commercial sex markets, in 2015",
      source: {
        label: 'International Justice Mission (IJM)',
      },
    },
    {
      id: 'under-15-2015',
      value: 0.1,
      format: 'percent',
      decimals: 1,
      label: 'of the sex industry were minors 15 years and younger',
      context: 'Phnom Penh, Siem Reap and Sihanoukville, in 2015',
      source: {
        label: 'International Justice Mission (IJM)',
      },
    },
    {
      id: 'reduction-2012-2015',
      value: 73,
      format: 'percent',
      decimals: 0,
      label: 'reduction in the presence of minors in the commercial sex trade',
      context: "In just three years since IJM's last prevalence study, in 2012",
      source: {
        label: "International Justice Mission (IJM), compared with IJM's 2012 study",
      },
    },
    {
      id: 'minors-early-2000s',
      value: 30,
      format: 'percent',
      decimals: 0,
      label:
        'estimated prevalence of minors exploited in the commercial sex industry in Phnom Penh, at its highest',
      context: 'Early 2000s, the city of Phnom Penh alone',
      source: {
        label: 'Research reported by the Cambodian government',
        // The 2015 study reports this estimate; it did not measure it.
        cited: true,
      },
    },
  ],
  quotes: [
    {
      id: 'ed-wilson',
      text: 'While continued vigilance is required, Cambodia is a story of hope for the global movement to end slavery ... This study confirms that the efforts of the many who have laboured so long to protect children from exploitation have made a difference—and should encourage everyone to continue to work until every child is safe.',
      author: 'Ed Wilson',
      role: 'Executive Director, IJM Canada',
    },
    {
      id: 'sharon-cohn-wu',
      text: 'The picture of very young girls being removed from horrific brothels in the Cambodian village of Svay Pak is seared in minds of the global community as an example of the horrors of sex trafficking worldwide, but this picture is no longer reality. Cambodia has progressed, and we need to tell the updated story of children rescued and restored, perpetrators apprehended and punished, anti-trafficking police being trained and equipped, and effective deterrence established. This evidence-based model of change is an example that other struggling nations can learn from.',
      author: 'Sharon Cohn Wu',
      role: 'Senior Vice President of Justice System Transformation, IJM',
    },
    {
      id: 'pol-phie-they',
      text: 'We are continuing to develop our anti-trafficking police officers’ skills, expand training and accountability mechanisms to the more rural units, and hope to see even more progress and success in the future. A country that wants to grow and prosper needs a public justice system that protects its people, especially children, who are victims of crime, exploitation and human rights violations.',
      author: 'General Pol Phie They',
      role: 'Director of the Cambodian National Police’s Anti-Human Trafficking & Juvenile Protection Police Department',
    },
  ],
  ctas: [
    {
      id: 'start-fundraiser',
      heading: 'Make an Impact',
      body: 'Your skills, talents, and ideas are a force for change. From birthday parties to polar dips, your fundraising campaign can stop the violence.',
      button: {
        label: 'Learn More',
      },
      signup: {
        encoding: 'json',
        success:
          'Thank you for signing up to learn more about starting a fundraiser. We will be in touch soon!',
        guide: {
          label: '25 Tips for the Novice Fundraiser',
        },
      },
    },
  ],
};
